"""Who the API takes the requestor to be."""
