import { useSyncExternalStore } from "react";
import { session } from "./session";

/** The current session state; re-renders on sign-in, refresh and sign-out. */
export function useSession() {
  return useSyncExternalStore(session.subscribe, session.getState);
}
