// The shapes of the ids a connection asks for, so a value pasted into the wrong box is caught
// where it is typed: an application id (IID) is "st-" followed by letters, digits and dashes;
// an account id is 24 hexadecimal characters on the platform. The platform's own checks
// (checkIid/checkAccountId: allowed characters) come first.
import * as vscode from 'vscode';
import { checkAccountId, checkIid } from '../../../platform/src/connection';

const ACCOUNT_ID = /^[0-9a-f]{24}$/i;
const IID = /^st-[A-Za-z0-9][A-Za-z0-9-]*$/;

export function iidProblem(value: string): string | undefined {
  const iid = value.trim();
  const basic = checkIid(iid);
  if (basic) return basic;
  if (ACCOUNT_ID.test(iid))
    return 'This looks like an account id (24 hexadecimal characters). The application id starts with "st-" (App Settings > App Profile).';
  if (/^cs-/i.test(iid))
    return 'This looks like a Client ID ("cs-..."). The application id starts with "st-" (App Settings > App Profile).';
  if (!IID.test(iid))
    return 'An application id starts with "st-", e.g. st-0603182c-7ffb-53c3-b307-47ca14b9a1b2 (App Settings > App Profile).';
  return undefined;
}

export function accountIdProblem(value: string): string | vscode.InputBoxValidationMessage | undefined {
  const accountId = value.trim();
  const basic = checkAccountId(accountId);
  if (basic) return basic;
  if (/^st-/i.test(accountId))
    return 'This is an application id (IID, "st-..."), asked for in the previous step. The account id is 24 hexadecimal characters.';
  if (/^(cs|cd)-/i.test(accountId))
    return `This looks like a ${/^cs-/i.test(accountId) ? 'Client ID' : 'campaign id'}, not an account id. The account id is 24 hexadecimal characters.`;
  if (!ACCOUNT_ID.test(accountId)) {
    return {
      message: 'Account ids on the platform are 24 hexadecimal characters, e.g. 67777ce93e25326494e9a1b2. Press Enter to keep this one.',
      severity: vscode.InputBoxValidationSeverity.Warning,
    };
  }
  return undefined;
}
