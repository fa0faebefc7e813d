import { Button } from "../../../components/ui/button";

export function UnlockedStatus({ email, onLock }: { email: string; onLock: () => void }) {
  return (
    <section className="card" aria-labelledby="unlocked-heading">
      <h1 id="unlocked-heading">Vault</h1>
      <p role="status">Unlocked as {email}</p>
      <Button type="button" onClick={onLock}>Lock</Button>
    </section>
  );
}
