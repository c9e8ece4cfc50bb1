import { type DependencyList, useCallback, useEffect, useState } from "react";
import { messageOf } from "../api/errors";

export interface Loaded<T> {
  data: T | undefined;
  /** The failure's text for the user, or "". */
  error: string;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `deps` change (and on reload), keeping its latest result; a stale answer is dropped. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    run(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setError("");
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(messageOf(failure));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [run, version]);
  return { data, error, loading, reload: () => setVersion((v) => v + 1) };
}
