/**
 * A staff-only view's one request, asked again at every sign-in and sign-out: what the view may
 * show depends on who asks. Construct it while a component initialises (it sets up an effect).
 */
import { errorCode, requestGraphQL } from './graphql-client.ts';
import type { SessionState } from './session.svelte.ts';

export class StaffQuery<T> {
  /** The answer, or null while loading or after a failure. */
  data = $state.raw<T | null>(null);
  /** The error code of the last failure (UNAUTHENTICATED, FORBIDDEN, ...), or null. */
  failure = $state<string | null>(null);

  constructor(query: string, session: SessionState) {
    $effect(() => {
      void session.revision;
      this.failure = null;
      void requestGraphQL<T>(query)
        .then((result) => {
          this.data = result;
        })
        .catch((error: unknown) => {
          this.data = null;
          this.failure = errorCode(error);
        });
    });
  }
}
