/**
 * Injury codes of the healing phase or a sequela (7th character D, G, K, P or S: I.C.19.a). They
 * code an injury of a past encounter ("status post fixation of a fracture", seen for routine
 * healing): the aftercare of an injury is its injury code with "D" ("The aftercare Z codes should
 * not be used for aftercare for conditions such as injuries ... assign the acute injury code with
 * the 7th character 'D'"), so a mention in the past tense is what such a code codes.
 *
 * @example INJURY_AFTER_ACTIVE_TREATMENT.test('S82.141D') // true
 */
export const INJURY_AFTER_ACTIVE_TREATMENT = /^[ST]\d{2}\.[0-9A-Z]{3}[DGKPS]$/;
