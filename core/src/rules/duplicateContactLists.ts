import { isSeq } from 'yaml';
import { deleteSeqItemEdit } from '../edits/yamlEdits';
import { CONTACT_LISTS } from '../fieldPaths';
import type { CampaignRule } from './rule';

/** The same contact list named twice: harmless to the API, but a sign of a copy-paste slip. */
export const duplicateContactLists: CampaignRule = {
  codes: ['duplicate-contact-list'],
  check(context) {
    const lists = context.valueAt(CONTACT_LISTS);
    if (!Array.isArray(lists)) return;
    const firstIndex = new Map<string, number>();
    lists.forEach((name, index) => {
      if (typeof name !== 'string') return;
      const first = firstIndex.get(name);
      if (first === undefined) {
        firstIndex.set(name, index);
        return;
      }
      context.report({
        path: [...CONTACT_LISTS, index],
        code: 'duplicate-contact-list',
        severity: 'warning',
        message: `The contact list "${name}" is already listed (contactLists[${first}]).`,
        fixes: () => {
          const seq = context.locate(CONTACT_LISTS)?.node;
          const edit = isSeq(seq) ? deleteSeqItemEdit(context.parsed, seq, index) : undefined;
          return edit ? [{ title: `Remove the repeated "${name}"`, preferred: true, edits: [edit] }] : undefined;
        },
      });
    });
  },
};
