import { t, type MessageKey } from "../../../lib/i18n/messages";
import type { BulkResult, Member } from "../api/org-types";

/** What a dialog acting on several members at once is given; results are per row, or null for one member. */
export interface MemberBatchProps {
  members: Member[] | null;
  orgId: string;
  label: (m: Member) => string;
  onClose: () => void;
  onDone: (results: BulkResult[] | null) => void;
}

/** A batch dialog's title: `one` naming the one member ({name}), or the plural heading `many`. */
export const batchTitle = (one: MessageKey, many: MessageKey, p: Pick<MemberBatchProps, "members" | "label">) =>
  p.members?.length === 1 ? t(one, { name: p.label(p.members[0]!) }) : t(many);
