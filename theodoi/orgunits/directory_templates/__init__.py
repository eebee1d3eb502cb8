"""Starting directories for a province (.csv), before and after the 2025
two-tier reorganisation of local government; see README.md here."""
