"""What writing in Candid means besides the admin's forms: the roles' rules (permissions.py), the post form's
workflow buttons (workflow.py), previews (preview.py), revisions (revisions.py) and edit conflicts
(conflicts.py). The admin (blog/admin/) puts them on screen."""
