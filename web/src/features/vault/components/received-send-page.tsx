import { useEffect, useRef, useState } from "react";
import { useParams } from "react-router";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-client";
import type { Bytes } from "../../../lib/crypto/bytes";
import { CryptoError } from "../../../lib/crypto/enc-string";
import { saveFile } from "../../../lib/save-file";
import { formatDateTime } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { useCopy } from "./use-copy";
import { accessSend, downloadReceivedFile, SendType, type ReceivedSend } from "../api/send-api";
import { fromBase64Url, SEND_KEY_MATERIAL_LENGTH } from "../api/send-crypto";

type State =
  | { kind: "loading" }
  | { kind: "password" }
  | { kind: "error"; message: string }
  | { kind: "open"; send: ReceivedSend };

function keyFromLink(key: string | undefined): Bytes | null {
  try {
    const bytes = key ? fromBase64Url(key) : null;
    return bytes?.length === SEND_KEY_MATERIAL_LENGTH ? bytes : null;
  } catch {
    return null;
  }
}

function explain(e: unknown): string {
  if (e instanceof CryptoError) return t("received.decryptFailed");
  if (e instanceof ApiError && e.status === 404) return t("received.gone");
  return e instanceof Error ? e.message : String(e);
}

/**
 * A received Send (#/send/{accessId}/{key}), for anyone with the link: the key material is in the URL's fragment,
 * so the server never sees it; the name, text and file are decrypted here. A Send with a password asks for it first.
 */
export function ReceivedSendPage() {
  const { accessId = "", key } = useParams();
  const keyMaterial = keyFromLink(key);
  const [state, setState] = useState<State>(keyMaterial ? { kind: "loading" } : { kind: "error", message: t("received.badLink") });
  const [password, setPassword] = useState<string | null>(null);
  const unlock = useSubmit();

  const open = async (material: Bytes, given: string | null): Promise<void> => {
    try {
      setState({ kind: "open", send: await accessSend(accessId, material, given) });
      setPassword(given);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setState({ kind: "password" });
      else if (given && e instanceof ApiError && e.status === 400) throw new Error(t("received.wrongPassword"));
      else setState({ kind: "error", message: explain(e) });
    }
  };
  // Opened once per link (not again on a re-render or StrictMode's second run): each opening counts against the
  // Send's maximum access count.
  const opened = useRef("");
  useEffect(() => {
    if (!keyMaterial || opened.current === `${accessId}/${key}`) return;
    opened.current = `${accessId}/${key}`;
    void open(keyMaterial, null);
  });

  return (
    <div className="received-send">
      <PageHeader title={t("received.title")} />
      {state.kind === "loading" && <Loading label={t("received.loading")} />}
      {state.kind === "error" && <ErrorMessage message={state.message} />}
      {state.kind === "password" && keyMaterial && (
        <PasswordForm busy={unlock.busy} error={unlock.error}
          onSubmit={(given) => unlock.handle(() => open(keyMaterial, given))()} />
      )}
      {state.kind === "open" && keyMaterial && (
        <SendContent accessId={accessId} send={state.send} keyMaterial={keyMaterial} password={password} />
      )}
    </div>
  );
}

function PasswordForm({ busy, error, onSubmit }: { busy: boolean; error: string | null; onSubmit: (password: string) => void }) {
  const [value, setValue] = useState("");
  return (
    <form onSubmit={(e) => { e.preventDefault(); onSubmit(value); }}>
      <h2>{t("received.passwordTitle")}</h2>
      <p>{t("received.passwordPrompt")}</p>
      <TextField label={t("received.password")} type="password" value={value} onChange={setValue} autoFocus required />
      <SubmitRow label={t("received.unlock")} busyLabel={t("received.unlocking")} busy={busy} error={error} disabled={!value} />
    </form>
  );
}

function SendContent({ accessId, send, keyMaterial, password }:
  { accessId: string; send: ReceivedSend; keyMaterial: Bytes; password: string | null }) {
  const [revealed, setRevealed] = useState(!send.hidden);
  const { copy, status } = useCopy();
  const download = useSubmit();
  const save = (file: NonNullable<ReceivedSend["file"]>) => download.handle(async () => {
    saveFile(await downloadReceivedFile(accessId, file.id, keyMaterial, password), file.fileName);
  });
  return (
    <section aria-label={send.name}>
      <h2>{send.name}</h2>
      {send.creatorIdentifier && <p>{t("received.sentBy", { email: send.creatorIdentifier })}</p>}
      {send.type === SendType.Text && (
        <>
          <div className="field">
            <label htmlFor="received-send-text">{t("received.text")}</label>
            {revealed
              ? <textarea id="received-send-text" readOnly rows={6} value={send.text} />
              : <input id="received-send-text" type="password" readOnly value="••••••••" />}
          </div>
          <div className="submit-row">
            {send.hidden && (
              <Button type="button" className="secondary" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
                {revealed ? t("received.hide") : t("received.show")}
              </Button>
            )}
            <Button type="button" className="secondary" onClick={() => copy(t("received.text").toLowerCase(), send.text)}>
              {t("received.copyText")}
            </Button>
          </div>
          {status}
        </>
      )}
      {send.type === SendType.File && send.file && (
        <>
          <p>{send.file.fileName}{send.file.sizeName ? ` (${send.file.sizeName})` : ""}</p>
          <Button type="button" disabled={download.busy} onClick={save(send.file)}>
            {download.busy ? t("received.downloading") : t("received.download", { name: send.file.fileName })}
          </Button>
          <ErrorMessage message={download.error} />
        </>
      )}
      {send.expirationDate && <p>{t("received.expires", { date: formatDateTime(send.expirationDate) })}</p>}
    </section>
  );
}
