import { describe, expect, it } from 'vitest';
import { COMMANDS } from './index';

describe('command list', () => {
  it.each(COMMANDS.map((c) => [c.name, c]))(
    '%s: the listed name and summary are the module’s own',
    async (_name, entry) => {
      const command = await entry.load();
      expect([command.name, command.summary]).toEqual([entry.name, entry.summary]);
    },
  );
});
