/** An area whose service is not built yet: said plainly, with no made-up data. */
export function NotAvailablePage({ area }: { area: string }) {
  return (
    <section>
      <h1>{area}</h1>
      <p className="not-available">{area} is not available yet. Its service is not built; this area will show real data once it is.</p>
    </section>
  );
}
