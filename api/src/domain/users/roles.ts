/** The roles of the API, from most to least powerful. */
export const ROLES = ['admin', 'sales', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
