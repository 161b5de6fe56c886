// What staff:add accepts as a password: one the sign-in can check (1 to 1,024 characters, no
// control character), not blank, at least 12 characters, and not guessable by a maintained
// strength estimator (zxcvbn-ts, score 3 of 4 at least, the user name counted as known).
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { hasControlCharacter, isBlank } from "../../lib/odd-text.ts";
import { formatNumber } from "../../lib/format.ts";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password.ts";

/** zxcvbn's score: 3 = "safely unguessable" (about 10^10 guesses), 4 = very unguessable. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/** Why this password is refused (Vietnamese), or undefined when it is accepted. */
export function passwordProblem(password: string, username: string): string | undefined {
  const length = [...password].length;
  if (isBlank(password)) return "Mật khẩu không được để trống hay chỉ có dấu cách.";
  if (hasControlCharacter(password)) {
    return "Mật khẩu có ký tự điều khiển (không gõ được ở trang đăng nhập); mời chọn mật khẩu khác.";
  }
  if (length < MIN_PASSWORD_LENGTH) {
    return `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Mật khẩu dài quá ${formatNumber(MAX_PASSWORD_LENGTH)} ký tự nên trang đăng nhập không nhận được; mời chọn mật khẩu ngắn hơn.`;
  }
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const { score } = estimator.check(password, [username]);
  if (score < MIN_PASSWORD_SCORE) {
    return `Mật khẩu quá dễ đoán (độ mạnh ${score}/4, cần ít nhất ${MIN_PASSWORD_SCORE}/4): tránh lặp ký tự, dãy phím, từ thông dụng và tên đăng nhập; nên dùng vài từ ghép với nhau.`;
  }
  return undefined;
}
