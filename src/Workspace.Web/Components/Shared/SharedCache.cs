using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// What every circuit can hold as one object (a message's markup, an avatar, a sidebar link, a message's view), kept
/// for all of them. Edited messages, renamed people and counts that moved on leave old entries behind; past
/// <paramref name="capacity"/> the cache starts over, which costs each entry still in use one more writing.
/// </summary>
public sealed class SharedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> entries = new(comparer);

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value) => entries.TryGetValue(key, out value);

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/>, in place of what was kept, and answers it.</summary>
    public TValue Set(TKey key, TValue value)
    {
        if (entries.Count >= capacity)
            entries.Clear();
        return entries[key] = value;
    }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> make) => TryGet(key, out var value) ? value : Set(key, make(key));
}
