/**
 * A test EHR page built from Medplum's own React components (Apache-2.0) over its MockClient:
 * the patient header, a discharge summary, lab results and vitals, with the kind of chrome a real
 * EHR has (a menu of other patients kept in the DOM but closed, tabs whose hidden panels stay
 * mounted, buttons). Test-only: built by `npm run build:ehr-medplum` into .cache/ and served by the
 * e2e server; none of it ships in the extension.
 */
import '@mantine/core/styles.css';
import '@medplum/react/styles.css';
import { Button, Group, MantineProvider, Menu, Stack, Tabs, Text, Title } from '@mantine/core';
import type { Patient } from '@medplum/fhirtypes';
import { MockClient } from '@medplum/mock';
import { DiagnosticReportDisplay, Document, MedplumProvider, PatientHeader, ResourceName } from '@medplum/react';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createSyntheticChart, DISCHARGE_SUMMARY, type SyntheticChart } from './synthetic-chart';

const medplum = new MockClient();

function OtherPatients({ patients }: { patients: Patient[] }): JSX.Element {
  // keepMounted: the dropdown stays in the DOM while closed, as menus in many EHR UIs do.
  return (
    <Menu keepMounted>
      <Menu.Target>
        <Button variant="light">Recent patients</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {patients.map((p) => (
          <Menu.Item key={p.id}>
            <ResourceName value={p} />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function Chart({ chart, others }: { chart: SyntheticChart; others: Patient[] }): JSX.Element {
  return (
    <Stack gap="md" p="md">
      <Group justify="space-between">
        <Text fw={700}>Medplum test EHR (synthetic patients)</Text>
        <OtherPatients patients={others} />
      </Group>
      <PatientHeader patient={chart.patient} />
      <Tabs defaultValue="chart" keepMounted>
        <Tabs.List>
          <Tabs.Tab value="chart">Chart</Tabs.Tab>
          <Tabs.Tab value="orders">Orders</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="chart">
          <main>
            <Document>
              <Title order={2}>{chart.note.title}</Title>
              <Text size="sm" c="dimmed">
                {chart.note.author?.[0]?.display} · {chart.note.date?.slice(0, 10)}
              </Text>
              {DISCHARGE_SUMMARY.map((s) => (
                <section key={s.title}>
                  <Title order={3}>{s.title}</Title>
                  <Text>{s.text}</Text>
                </section>
              ))}
            </Document>
            {chart.reports.map((report) => (
              <Document key={report.id}>
                <Title order={2}>{report.code?.text}</Title>
                <DiagnosticReportDisplay value={report} hideSubject />
              </Document>
            ))}
          </main>
        </Tabs.Panel>
        <Tabs.Panel value="orders">
          <Text>Pending order: chest CT angiography for possible pulmonary embolism (another patient's worklist).</Text>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function App(): JSX.Element {
  const [state, setState] = useState<{ chart: SyntheticChart; others: Patient[] } | { error: string } | undefined>();
  useEffect(() => {
    let live = true;
    Promise.all([createSyntheticChart(medplum), medplum.searchResources('Patient', '_count=5')])
      .then(([chart, patients]) => {
        const others = patients.filter((p) => p.id !== chart.patient.id);
        document.title = 'Medplum - Marguerite Quillfeather';
        if (live) setState({ chart, others });
      })
      .catch((error: unknown) => live && setState({ error: String(error) }));
    return () => {
      live = false;
    };
  }, []);
  if (!state) return <Text>Loading chart...</Text>;
  if ('error' in state) return <Text c="red">Could not load the chart: {state.error}</Text>;
  return <Chart chart={state.chart} others={state.others} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider>
      <MedplumProvider medplum={medplum}>
        <App />
      </MedplumProvider>
    </MantineProvider>
  </StrictMode>,
);
