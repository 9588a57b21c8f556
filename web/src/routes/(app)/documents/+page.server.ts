import { DOCUMENT_STATUSES, mayCall, type DocumentStatus } from '@nexus/sdk';
import { fail, redirect } from '@sveltejs/kit';
import type { ShownProblem } from '$lib/problem';
import { actionFailure, optionalText, pageFailure, settle, signedInApi } from '$lib/server/failures';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const { user } = await event.parent();
  const get = (name: string) => event.url.searchParams.get(name)?.trim() ?? '';
  const status = DOCUMENT_STATUSES.find((known): known is DocumentStatus => known === get('status'));
  const cursor = get('cursor') || undefined;
  const mayUpload = mayCall(user.role, 'uploadDocument');
  try {
    const [{ data: page }, customers] = await Promise.all([
      api.call('listDocuments', { params: { query: { limit: 25, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } } }),
      // For the upload's "sent by" choice; the page works without it.
      mayUpload ? settle(api.call('listCustomers', { params: { query: { limit: 100 } } }).then((r) => r.data.items)) : null,
    ]);
    return {
      page,
      mayUpload,
      customers: customers?.ok ? customers.value.map((c) => ({ id: c.id, name: c.name })) : [],
      filters: { status: status ?? '' },
    };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};

export const actions: Actions = {
  // Without JavaScript the form posts here; with it the page uploads through the
  // SDK in the browser, showing the upload's progress.
  upload: async (event) => {
    const api = signedInApi(event);
    const form = await event.request.formData();
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      const problem: ShownProblem = {
        status: 400,
        title: 'No file chosen',
        errors: [{ path: 'body.file', message: 'Choose the request for quotation: XLSX, DOCX, PDF, CSV, text or e-mail.' }],
      };
      return fail(400, { problem });
    }
    const customerId = optionalText(form, 'customerId');
    let id: string;
    try {
      ({
        data: { id },
      } = await api.call('uploadDocument', { body: { file, ...(customerId ? { customerId } : {}) } }));
    } catch (cause) {
      return actionFailure(cause, event.url);
    }
    redirect(303, `/documents/${id}`);
  },
};
