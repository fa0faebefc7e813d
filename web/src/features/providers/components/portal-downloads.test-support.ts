import { HttpResponse } from "msw";
import type { ReactNode } from "react";
import { afterEach, beforeEach, vi } from "vitest";
import { logOut } from "../../../lib/session";
import { ids } from "./provider-fixture.test-support";
import { renderAt } from "./render-portal.test-support";

export const base = `/api/providers/${ids.provider}`;
export const list = (data: object[], continuationToken: string | null = null) => HttpResponse.json({ object: "list", data, continuationToken });

/** Renders a portal page at `page` (a path under the provider, with an optional ?query). */
export const at = (page: string, element: ReactNode) =>
  renderAt(`/providers/${ids.provider}/${page}`, [{ path: `/providers/:providerId/${page.split("?")[0]}`, element }]);

/** The files a page handed the browser to save (jsdom has no object URLs), reset before each test; logs out after. */
export const saved: Blob[] = [];
export function captureDownloads() {
  beforeEach(() => {
    saved.length = 0;
    URL.createObjectURL = vi.fn((b: Blob) => (saved.push(b), "blob:x"));
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => logOut());
}
