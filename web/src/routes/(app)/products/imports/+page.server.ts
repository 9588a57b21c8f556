import { fail, redirect } from '@sveltejs/kit';
import type { ShownProblem } from '$lib/problem';
import { actionFailure, pageFailure, signedInApi } from '$lib/server/failures';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const cursor = event.url.searchParams.get('cursor') || undefined;
  try {
    const { data } = await api.call('listImports', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } });
    return { page: data };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const api = signedInApi(event);
    const file = (await event.request.formData()).get('file');
    if (!(file instanceof File) || file.size === 0) {
      const problem: ShownProblem = {
        status: 400,
        title: 'No file chosen',
        errors: [{ path: 'body.file', message: 'Choose a CSV or XLSX file with a header row.' }],
      };
      return fail(400, { problem });
    }
    const upload = new FormData();
    upload.append('file', file, file.name);
    let id: string;
    try {
      const { data } = await api.call('createImport', {
        params: { query: { filename: file.name.slice(0, 200) } },
        // The contract's multipart body, `{ file: binary }`, is typed as a string; a FormData is what is sent.
        body: upload as unknown as { file: string },
      });
      id = data.id;
    } catch (cause) {
      return actionFailure(cause, event.url);
    }
    redirect(303, `/products/imports/${id}`);
  },
};
