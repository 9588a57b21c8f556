// The app's sections, in menu order. A section appears when the API has the
// operation its page is built on and the signed-in user's role may call it (both
// read from the SDK's generated operation table).
import { mayCall, type OperationId, type User } from '@nexus/sdk';

export interface Section {
  href: string;
  label: string;
  /** The operation the section's page is built on; `null`: public, always shown. */
  operation: OperationId | null;
}

export const sections: readonly Section[] = [
  { href: '/', label: 'Dashboard', operation: null },
  { href: '/quotes', label: 'Quotes', operation: 'listQuotes' },
  { href: '/customers', label: 'Customers', operation: 'listCustomers' },
  { href: '/products', label: 'Products', operation: 'listProducts' },
  { href: '/products/imports', label: 'Imports', operation: 'listImports' },
  { href: '/documents', label: 'Documents', operation: 'listDocuments' },
  { href: '/chat', label: 'Chat', operation: 'listConversations' },
  { href: '/activity', label: 'Activity', operation: 'listActivity' },
  { href: '/users', label: 'Users', operation: 'listUsers' },
];

/** The sections `user` sees (a visitor: the public ones). */
export function sectionsFor(user: User | null): Section[] {
  return sections.filter((section) => section.operation === null || mayCall(user?.role, section.operation));
}

/** The section a path belongs to: the longest matching href. */
export function currentSection(path: string, visible: readonly Section[]): Section | undefined {
  return visible
    .filter((s) => (s.href === '/' ? path === '/' : path === s.href || path.startsWith(`${s.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
}
