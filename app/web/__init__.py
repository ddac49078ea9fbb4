"""The map page, its configuration and the outlines it draws when no basemap is configured."""
