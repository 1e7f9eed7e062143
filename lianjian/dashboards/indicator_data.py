"""Numbers the dashboards judge by, with their sources (rules.md §4). Defaults; a jurisdiction may change them."""

# A tender with fewer bids than this fails and is re-tendered (rules.md §4).
MIN_BIDS = 3
MIN_BIDS_SOURCE = ("《中华人民共和国招标投标法》第二十八条：“投标人少于三个的，招标人应当依照本法重新招标”；"
                   "《中华人民共和国招标投标法实施条例》第四十四条：“投标人少于3个的，不得开标；招标人应当重新招标”")

# How many largest winners make up the concentration ratio CR4 (a convention of market analysis, not a statute).
CONCENTRATION_TOP = 4
