"""Who is who in one article: person mentions grouped into people.

A surname alone, or an initial and a surname, joins the one full name it fits among those
named before it (or, when none is, the one named after). When several people named so far
share it, nothing says which: it stays a person of its own. Two different full names are never
merged.

Examples
--------
>>> names = ["Barack Obama", "Obama", "Michelle Obama", "B. Obama", "Obama"]
>>> group_names(names)
[0, 0, 2, 0, 4]
"""

from __future__ import annotations

__all__ = ["group_names", "name_parts"]


def name_parts(name: str) -> list[str]:
    """Split a name into words (hyphenated first names stay whole).

    Examples
    --------
    >>> name_parts("María Dolores de Cospedal")
    ['María', 'Dolores', 'de', 'Cospedal']
    """
    return name.replace("\u00a0", " ").split()


def _key(word: str) -> str:
    return word.casefold().strip(".,")


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 or (word.endswith(".") and len(word) <= 3)


def _fits(short: list[str], full: list[str]) -> bool:
    """Whether a short form names the person of a full name."""
    short_keys = [_key(w) for w in short]
    full_keys = [_key(w) for w in full]
    if len(short) == 1:
        return short_keys[0] in full_keys[1:]
    if _is_initial(short[0]):
        rest = short_keys[1:]
        return (full_keys[0][:1] == short_keys[0][:1]
                and rest == full_keys[len(full_keys) - len(rest):]) or (
            full_keys[0][:1] == short_keys[0][:1] and all(w in full_keys[1:] for w in rest))
    if len(short_keys) < len(full_keys) and full_keys[-len(short_keys):] == short_keys:
        return True  # "M. Ould Cheikh Ahmed" after "Sidi Mohamed Ould Cheikh Ahmed"
    # "Ana Pastor" and "Ana Pastor García": same first name, the rest in order
    if short_keys[0] != full_keys[0]:
        return False
    it = iter(full_keys[1:])
    return all(any(w == x for x in it) for w in short_keys[1:])


def group_names(names: list[str]) -> list[int]:
    """Return, for each person mention (in text order), the index of its group's first name.

    A group is identified by the index of its longest full form's first mention.
    """
    parts = [name_parts(n) for n in names]
    full = [i for i, p in enumerate(parts) if len(p) >= 2 and not _is_initial(p[0])]
    # full names: merge a shorter full name into a longer one it fits ("Ana Pastor")
    owner: dict[int, int] = {}
    for i in sorted(full, key=lambda k: -len(parts[k])):
        for j in owner.values():
            if j != i and len(parts[j]) > len(parts[i]) and _fits(parts[i], parts[j]):
                owner[i] = j
                break
            if [_key(w) for w in parts[j]] == [_key(w) for w in parts[i]]:
                owner[i] = j
                break
        else:
            owner[i] = i
    # the same full name mentioned again joins its first mention
    first_of: dict[tuple[str, ...], int] = {}
    for i in full:
        key = tuple(_key(w) for w in parts[owner[i]])
        first_of.setdefault(key, owner[i])
        owner[i] = first_of[key]
    groups = []
    for i, p in enumerate(parts):
        if i in owner:
            groups.append(owner[i])
            continue
        candidates = [j for j in full if _fits(p, parts[j])]
        heads = sorted({owner[j] for j in candidates})
        if not heads and len(p) == 1:
            # "M. Liu" after "Liu Jianguo", "le ministre Kouadio" after "Kouadio Yao Bernard":
            # a family name written first, when one person of the article opens with it
            heads = sorted({owner[j] for j in full if _key(parts[j][0]) == _key(p[0])})
            heads = heads if len(heads) == 1 else []
        if not heads:
            # an unknown short name: it is its own person, shared by later equal forms
            same = [k for k in range(i) if [_key(w) for w in parts[k]] == [_key(w) for w in p]]
            groups.append(groups[same[0]] if same else i)
            continue
        if len(heads) == 1:
            groups.append(heads[0])
            continue
        before = {owner[j] for j in candidates if j < i}
        after = [j for j in candidates if j > i]
        if len(before) == 1:
            groups.append(before.pop())  # only one of them named so far
        elif not before and len({owner[j] for j in after}) == 1:
            groups.append(owner[min(after)])
        else:
            # ambiguous: a person of its own, shared by later ambiguous equal forms
            same = [k for k in range(i) if groups[k] == k
                    and [_key(w) for w in parts[k]] == [_key(w) for w in p]]
            groups.append(same[0] if same else i)
    return groups
