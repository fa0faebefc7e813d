import type { BulkResult, Member } from "../api/org-types";

/** What a dialog acting on several members at once is given; results are per row, or null for one member. */
export interface MemberBatchProps {
  members: Member[] | null;
  orgId: string;
  label: (m: Member) => string;
  onClose: () => void;
  onDone: (results: BulkResult[] | null) => void;
}

/** A batch dialog's title: the one member's label, or the plural heading. */
export const batchTitle = (verb: string, p: Pick<MemberBatchProps, "members" | "label">) =>
  p.members?.length === 1 ? `${verb} ${p.label(p.members[0]!)}` : `${verb} members`;
