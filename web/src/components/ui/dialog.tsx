import { useEffect, useId, useRef, type ReactNode } from "react";

export interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}

/** The native modal <dialog>: focus trapping, Escape to close and the backdrop come from the browser. */
export function Dialog({ title, open, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // The browser focuses the first focusable element; a dialog may name a better start (data-autofocus).
      d.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    // React bubbles close/cancel from a nested dialog up through this one; only our own closing counts.
    <dialog ref={ref} className="dialog" aria-labelledby={titleId}
      onClose={(e) => e.target === e.currentTarget && onClose()}
      onCancel={(e) => e.target === e.currentTarget && onClose()}>
      <h2 id={titleId}>{title}</h2>
      {open && children}
    </dialog>
  );
}
