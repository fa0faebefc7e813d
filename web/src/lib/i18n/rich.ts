import { createElement, Fragment, type ReactNode } from "react";
import { t, type MessageKey } from "./messages";

/**
 * The message for `key` with {placeholders} filled by React nodes (a <code> or <strong> inside a sentence), so the
 * sentence stays whole in the catalogue and a translation may move the pieces.
 */
export function tNodes(key: MessageKey, values: Record<string, ReactNode>): ReactNode[] {
  return t(key).split(/\{(\w+)\}/).map((part, i) =>
    createElement(Fragment, { key: i }, i % 2 === 1 ? (part in values ? values[part] : `{${part}}`) : part));
}
