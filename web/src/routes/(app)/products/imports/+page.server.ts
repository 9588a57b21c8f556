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
    let id: string;
    try {
      // The SDK sends an object of parts as multipart/form-data (the File keeps its name).
      const { data } = await api.call('createImport', {
        params: { query: { filename: file.name.slice(0, 200) } },
        body: { file },
      });
      id = data.id;
    } catch (cause) {
      return actionFailure(cause, event.url);
    }
    redirect(303, `/products/imports/${id}`);
  },
};
