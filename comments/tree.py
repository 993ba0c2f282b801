"""Rendering a discussion from one flat, path-ordered list: no query and no template include per comment."""


def thread(comments, levels=None):
    """Mark each comment of a path-ordered list with how to nest it in <ol>/<li> markup.

    Sets `opens` (True when it starts a list of replies under the previous
    comment) and `closes` (how many reply lists end before it), and returns how
    many lists are still open after the last one. A reply whose parent is not
    shown (held, spam) nests under its nearest shown ancestor; one deeper than
    `levels` (an imported discussion, say) is shown at the deepest level, after
    its parent, as WordPress shows it.
    """
    stack = []  # paths of the shown ancestors of the current comment
    for comment in comments:
        shown_before = len(stack)
        while stack and not comment.path.startswith(stack[-1] + "/"):
            stack.pop()
        if levels:
            del stack[levels - 1 :]
        depth = len(stack)
        comment.opens = depth > 0 and depth == shown_before
        comment.closes = range(0 if comment.opens else max(0, shown_before - 1 - depth))
        comment.shown_depth = depth
        stack.append(comment.path)
    return range(max(0, len(stack) - 1))
