/**
 * The columns (CSV header) or keys (JSON objects) of a staff list. Shared by the server, which
 * reads the list, and the web app, which tells coordinators what to put in it.
 */
export const STAFF_COLUMNS = [
  'name',
  'title',
  'organisationId',
  'serviceLevel',
  'languages',
  'regionCodes',
  'channels',
  'otShare',
  'methodIds',
  'awayUntil',
  'email',
  'phone',
  'publicCard',
  'lineCodes',
] as const;
