"""Pages of a long public list (countries on /compare/, plans on /plans/): the list grows
with the network, a page of it does not."""


def page_of(items, *, number: int, per_page: int):
    """The items on page `number` (clamped to the pages there are) and what the page's
    navigation needs: {number, count, previous, next}."""
    count = max(1, -(-len(items) // per_page))
    number = min(max(1, number), count)
    pages = {
        "number": number,
        "count": count,
        "previous": number - 1 if number > 1 else None,
        "next": number + 1 if number < count else None,
    }
    return items[(number - 1) * per_page : number * per_page], pages
