/**
 * Control characters never belong in names, URIs or one-line text (and PostgreSQL refuses NUL in
 * text columns): these checks keep them out of everything a form or API body can set.
 */
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const isSingleLine = (value: string) => !CONTROL.test(value);
export const isMultiLine = (value: string) => !CONTROL_EXCEPT_LINE_BREAKS.test(value);
export const CONTROL_MESSAGE = 'must not contain control characters';
