// What the staff tests read from the server's answers: the session cookies and the CSRF token.

/** The cookie pairs a response sets, as a Cookie header value (cleared cookies left out). */
export const cookiesOf = (res: Response): string =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !c.endsWith("="))
    .join("; ");

/** The CSRF token of the first staff form in `html` ("" when there is none). */
export const csrfOf = (html: string): string =>
  html.match(/name="csrf" value="([^"]+)"/)?.[1] ?? "";
