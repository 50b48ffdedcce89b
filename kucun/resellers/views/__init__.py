"""The reseller's pages (mobile first) and the public shop pages shoppers open."""
