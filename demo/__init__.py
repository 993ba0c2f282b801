"""The demo blog `make run` loads (`manage.py demo`): its texts are data files under demo/content/."""
