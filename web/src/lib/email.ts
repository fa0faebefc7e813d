/** A loose email check (something@something): the server and the mail itself are the real test. */
export const isEmailAddress = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value);
