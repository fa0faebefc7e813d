import { useId, type ButtonHTMLAttributes } from "react";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Said beside a disabled button, so nobody has to guess why it cannot be pressed. */
  disabledReason?: string | null;
}

export function Button({ className, disabledReason, ...props }: ButtonProps) {
  const reasonId = useId();
  const button = (
    <button className={["button", className].filter(Boolean).join(" ")}
      aria-describedby={props.disabled && disabledReason ? reasonId : props["aria-describedby"]} {...props} />
  );
  if (!(props.disabled && disabledReason)) return button;
  return (
    <>
      {button}
      <span id={reasonId} className="disabled-reason">{disabledReason}</span>
    </>
  );
}
