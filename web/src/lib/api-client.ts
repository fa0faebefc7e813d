/** Thin fetch wrapper: bearer token, JSON, and Bitwarden-shaped errors turned into readable messages. */

export class ApiError extends Error {
  override name = "ApiError";

  constructor(
    message: string,
    readonly status: number,
    readonly validationErrors: Record<string, string[]> = {},
    /** The parsed error body, for callers that read more than the message (the token endpoint's 2FA challenge). */
    readonly body: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

export interface ApiClientOptions {
  baseUrl?: string;
  getAccessToken?: () => string | null;
}

interface BitwardenErrorBody {
  message?: string;
  Message?: string;
  validationErrors?: Record<string, string[]> | null;
  error?: string;
  error_description?: string;
  ErrorModel?: { Message?: string };
}

function messageFromBody(body: BitwardenErrorBody, status: number): string {
  const validation = Object.values(body.validationErrors ?? {}).flat();
  // Bitwarden's generic "The model state is invalid." says less than the field messages beneath it.
  if (validation.length > 0) return validation.join(" ");
  return (
    body.ErrorModel?.Message ??
    body.message ??
    body.Message ??
    body.error_description ??
    body.error ??
    `Request failed with status ${status}.`
  );
}

export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  let body: BitwardenErrorBody | null = null;
  try {
    body = text ? (JSON.parse(text) as BitwardenErrorBody) : null;
  } catch {
    body = null;
  }
  if (!body || typeof body !== "object") {
    return new ApiError(`Request failed with status ${response.status}.`, response.status);
  }
  return new ApiError(messageFromBody(body, response.status), response.status, body.validationErrors ?? {},
    body as Record<string, unknown>);
}

export type RequestOptions = Omit<RequestInit, "body"> & { json?: unknown; form?: Record<string, string>; multipart?: FormData };

export class ApiClient {
  readonly #baseUrl: string;
  readonly #getAccessToken: () => string | null;

  constructor(options: ApiClientOptions = {}) {
    this.#baseUrl = options.baseUrl ?? "";
    this.#getAccessToken = options.getAccessToken ?? (() => null);
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const text = await (await this.#send(path, options)).text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A download (CSV, JSON lines): the body as the server sent it, with the same auth and error handling. */
  async getBlob(path: string): Promise<Blob> {
    return (await this.#send(path, { method: "GET" })).blob();
  }

  async #send(path: string, { json, form, multipart, headers, ...init }: RequestOptions): Promise<Response> {
    const h = new Headers(headers);
    h.set("Accept", "application/json");
    let body: BodyInit | undefined;
    if (json !== undefined) {
      h.set("Content-Type", "application/json");
      body = JSON.stringify(json);
    } else if (form) {
      h.set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
      body = new URLSearchParams(form).toString();
    } else if (multipart) {
      body = multipart;   // the browser sets the multipart Content-Type with its boundary
    }
    const token = this.#getAccessToken();
    if (token && !h.has("Authorization")) h.set("Authorization", `Bearer ${token}`);

    let response: Response;
    try {
      response = await fetch(this.#baseUrl + path, { ...init, headers: h, body });
    } catch {
      throw new ApiError("Cannot reach the server.", 0);
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  get<T>(path: string, init?: RequestOptions): Promise<T> {
    return this.request<T>(path, { ...init, method: "GET" });
  }

  post<T>(path: string, json?: unknown, init?: RequestOptions): Promise<T> {
    return this.request<T>(path, { ...init, method: "POST", json });
  }
}
