import { replaceValueFix } from '../edits/yamlEdits';
import { CONTACT_LISTS } from '../fieldPaths';
import { contactCount } from '../knownContactLists';
import type { CampaignRule } from './rule';

/**
 * Contact-list names checked against the platform's lists. Only when the lists are known
 * (the editor's active connection, or `validate --platform`): signed out, offline or in
 * restricted mode this rule says nothing, rather than flag every name.
 */
export const platformContactLists: CampaignRule = {
  codes: ['unknown-contact-list', 'empty-contact-list'],
  check(context) {
    const known = context.contactLists;
    const lists = context.campaign.contactLists;
    if (!known || !Array.isArray(lists)) return;
    lists.forEach((name, index) => {
      // Blank and non-string entries are the schema's to report.
      if (typeof name !== 'string' || !name.trim()) return;
      const facts = known.get(name);
      if (facts) {
        if (facts.totalRecordCount !== 0) return;
        context.report({
          path: [...CONTACT_LISTS, index],
          code: 'empty-contact-list',
          severity: 'warning',
          message: `The contact list "${name}" exists on ${known.source} but has ${contactCount(0)}: this campaign would dial nobody from it.`,
        });
        return;
      }
      const suggestion = known.closest(name);
      context.report({
        path: [...CONTACT_LISTS, index],
        code: 'unknown-contact-list',
        severity: 'warning',
        message: `${known.source} has no contact list named "${name}"${suggestion ? `. Did you mean "${suggestion}"?` : ` (none of its ${known.size} lists has a name close to it).`} A campaign's lists must exist before it is pushed.`,
        fixes: replaceValueFix(context.parsed, suggestion),
      });
    });
  },
};
