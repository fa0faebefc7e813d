/** Dates and numbers in the reader's own locale (the browser's languages), through Intl. */
const locale = typeof navigator !== "undefined" ? navigator.languages?.[0] ?? navigator.language : undefined;

const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
const number = new Intl.NumberFormat(locale);

export const formatDateTime = (value: string | Date) => dateTime.format(new Date(value));
export const formatDate = (value: string | Date) => date.format(new Date(value));
export const formatNumber = (value: number) => number.format(value);
