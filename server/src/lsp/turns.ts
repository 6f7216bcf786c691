// Work done in slices (checks, fact-base changes) gives the protocol its turns first. The
// protocol library takes three turns of the event loop for a message — it decodes the bytes in
// one, dispatches the message in the next and writes the reply in a third — so a slice that
// ran in each of those turns would hold a reply up by three slices. Each slicing loop keeps one
// of these and, before a slice, waits a turn while it says so (a turn with nothing to do costs
// microseconds).
export class ProtocolTurns {
  private turns = 0;

  /** Bytes came in from the editor. */
  received(): void {
    this.turns = Math.max(this.turns, 3);
  }

  /** A request is being answered, or a notification sent. */
  answering(): void {
    this.turns = Math.max(this.turns, 1);
  }

  /** Whether the next slice should wait a turn (and counts that turn). */
  waitTurn(): boolean {
    if (this.turns <= 0) return false;
    this.turns--;
    return true;
  }
}
