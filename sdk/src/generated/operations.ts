// generated — do not edit. Source: openapi/openapi.json; run `pnpm generate`.

/**
 * Every operation of the Nexus API as its contract declares it: method, path
 * template, security (`public` never carries credentials, `bearer` needs an access
 * token), the roles allowed (absent: any signed-in user), whether a retry is safe
 * (`idempotent`) and whether it is a create that accepts an `Idempotency-Key`.
 */
export const operations = {
  getHealth: {
    method: 'get',
    path: '/api/health',
    security: 'public',
    idempotent: true,
    createsResource: false,
  },
  getMetrics: {
    method: 'get',
    path: '/api/metrics',
    security: 'public',
    idempotent: true,
    createsResource: false,
  },
  getDashboard: {
    method: 'get',
    path: '/api/dashboard',
    security: 'public',
    idempotent: true,
    createsResource: false,
  },
  login: {
    method: 'post',
    path: '/api/auth/login',
    security: 'public',
    idempotent: false,
    createsResource: false,
  },
  refreshToken: {
    method: 'post',
    path: '/api/auth/refresh',
    security: 'public',
    idempotent: false,
    createsResource: false,
  },
  logout: {
    method: 'post',
    path: '/api/auth/logout',
    security: 'bearer',
    idempotent: false,
    createsResource: false,
  },
  getCurrentUser: {
    method: 'get',
    path: '/api/auth/me',
    security: 'bearer',
    idempotent: true,
    createsResource: false,
  },
  getJwks: {
    method: 'get',
    path: '/.well-known/jwks.json',
    security: 'public',
    idempotent: true,
    createsResource: false,
  },
  listUsers: {
    method: 'get',
    path: '/api/users',
    security: 'bearer',
    roles: ['admin'],
    idempotent: true,
    createsResource: false,
  },
  createUser: {
    method: 'post',
    path: '/api/users',
    security: 'bearer',
    roles: ['admin'],
    idempotent: false,
    createsResource: true,
  },
  getUser: {
    method: 'get',
    path: '/api/users/{id}',
    security: 'bearer',
    roles: ['admin'],
    idempotent: true,
    createsResource: false,
  },
  updateUser: {
    method: 'patch',
    path: '/api/users/{id}',
    security: 'bearer',
    roles: ['admin'],
    idempotent: false,
    createsResource: false,
  },
  listCustomers: {
    method: 'get',
    path: '/api/customers',
    security: 'bearer',
    idempotent: true,
    createsResource: false,
  },
  createCustomer: {
    method: 'post',
    path: '/api/customers',
    security: 'bearer',
    roles: ['admin', 'sales'],
    idempotent: false,
    createsResource: true,
  },
  getCustomer: {
    method: 'get',
    path: '/api/customers/{id}',
    security: 'bearer',
    idempotent: true,
    createsResource: false,
  },
  updateCustomer: {
    method: 'patch',
    path: '/api/customers/{id}',
    security: 'bearer',
    roles: ['admin', 'sales'],
    idempotent: false,
    createsResource: false,
  },
  archiveCustomer: {
    method: 'post',
    path: '/api/customers/{id}/archive',
    security: 'bearer',
    roles: ['admin', 'sales'],
    idempotent: false,
    createsResource: false,
  },
  restoreCustomer: {
    method: 'post',
    path: '/api/customers/{id}/restore',
    security: 'bearer',
    roles: ['admin', 'sales'],
    idempotent: false,
    createsResource: false,
  },
  listActivity: {
    method: 'get',
    path: '/api/activity',
    security: 'bearer',
    idempotent: true,
    createsResource: false,
  },
} as const;

/** The `operationId` of every operation. */
export type OperationId = keyof typeof operations;
