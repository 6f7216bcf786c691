// Placeholder replaced below.
import { CompareContext } from "./context";
import { SentenceFrame } from "./frame";
export function compareAligned(_ctx: CompareContext, _frame: SentenceFrame): void {}
