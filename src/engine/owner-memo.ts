/**
 * A bounded memo per owner (an engine context, a vocabulary): what is worked out from the owner's content is
 * kept while the owner lives and goes with it (a reloaded index starts afresh); past `maxEntries` for one owner
 * it starts afresh too, a bound against hostile queries.
 *
 * @example
 * const speechMemo = ownerMemo<boolean>(20_000);
 * const holds = speechMemo(ctx, passage.id, () => holdsSpeech(passage.text, speaker, wordNet));
 */
export function ownerMemo<V>(maxEntries: number): (owner: object, key: string, compute: () => V) => V {
  const memos = new WeakMap<object, Map<string, V>>();
  return (owner, key, compute) => {
    let memo = memos.get(owner);
    if (!memo) memos.set(owner, (memo = new Map()));
    let value = memo.get(key);
    if (value === undefined) {
      value = compute();
      if (memo.size >= maxEntries) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
