"""Moving between WordPress and Candid: reading and writing WXR, and WordPress's text conventions."""
