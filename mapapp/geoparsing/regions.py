"""Well-known regions that are not administrative units (written for this project).

Each is (name, latitude, longitude, country code or "", alternate names). The points are
rough visual centres: good enough to place a story on a world map. A region made of whole
states (the Midwest, New England, the Pacific Northwest) sits at the area-weighted centre of
its states' points, so it moves with the gazetteer's state points rather than a guess.
"""

from __future__ import annotations

WELL_KNOWN_REGIONS: tuple[tuple[str, float, float, str, tuple[str, ...]], ...] = (
    ("European Union", 50.85, 4.35, "", ("EU", "E.U.")),  # at its seat, Brussels
    ("Middle East", 29.0, 41.0, "", ("Mideast", "Near East")),
    ("Persian Gulf", 26.5, 52.0, "", ("Gulf", "Arabian Gulf")),
    ("Darfur", 13.5, 24.0, "SD", ()),
    ("Gaza Strip", 31.42, 34.36, "PS", ()),
    ("West Bank", 31.95, 35.25, "PS", ()),
    ("Kurdistan", 36.5, 44.0, "", ("Iraqi Kurdistan", "Kurdistan Region")),
    ("Balkans", 42.5, 21.0, "", ("Balkan Peninsula",)),
    ("Caucasus", 42.5, 44.5, "", ("North Caucasus", "South Caucasus")),
    ("Sahel", 15.0, 5.0, "", ()),
    ("Horn of Africa", 8.0, 45.0, "", ()),
    ("Maghreb", 32.0, 3.0, "", ()),
    ("Levant", 33.5, 36.0, "", ()),
    ("Scandinavia", 62.0, 14.0, "", ()),
    ("Latin America", -8.0, -58.0, "", ()),
    ("Central America", 13.0, -86.0, "", ()),
    ("Caribbean", 15.5, -74.5, "", ()),  # middle of the sea's extent, 9-22 N, 60-89 W
    ("South Asia", 22.0, 78.0, "", ()),
    ("Southeast Asia", 8.0, 110.0, "", ("South-East Asia", "South East Asia")),
    ("East Asia", 35.0, 115.0, "", ()),
    ("Central Asia", 43.0, 65.0, "", ()),
    ("Sub-Saharan Africa", 0.0, 20.0, "", ()),
    ("North Africa", 27.0, 15.0, "", ("Northern Africa",)),
    ("West Africa", 12.0, -2.0, "", ("Western Africa",)),
    ("East Africa", 0.0, 36.0, "", ("Eastern Africa",)),
    ("Southern Africa", -25.0, 25.0, "", ()),
    ("Central Africa", 2.0, 20.0, "", ()),
    ("Western Europe", 48.0, 5.0, "", ()),
    ("Eastern Europe", 50.0, 30.0, "", ()),
    ("Central Europe", 49.0, 15.0, "", ()),
    ("Northern Europe", 60.0, 15.0, "", ()),
    ("Southern Europe", 41.0, 15.0, "", ()),
    ("Eastern Mediterranean", 34.0, 30.0, "", ()),
    ("Western Asia", 32.0, 45.0, "", ()),
    ("Melanesia", -8.0, 160.0, "", ()),
    ("Polynesia", -15.0, -150.0, "", ()),
    ("Baltic Sea", 58.0, 20.0, "", ()),
    ("Ural Mountains", 60.0, 59.5, "RU", ("Urals",)),
    ("Donbas", 48.0, 38.0, "UA", ("Donbass",)),
    ("Sinai", 29.5, 33.8, "EG", ("Sinai Peninsula",)),
    ("Golan Heights", 33.0, 35.8, "", ("Golan",)),
    ("Kashmir", 34.0, 76.0, "", ()),
    ("Siberia", 60.0, 100.0, "RU", ()),
    ("Arabian Peninsula", 23.0, 45.0, "", ()),
    ("Red Sea", 20.0, 38.5, "", ()),
    ("Mediterranean", 35.0, 18.0, "", ("Mediterranean Sea",)),
    ("Black Sea", 43.0, 34.0, "", ()),
    ("Caspian Sea", 42.0, 50.5, "", ()),
    ("Aegean Sea", 39.0, 25.0, "", ("Aegean",)),
    ("Atlantic Ocean", 0.0, -25.0, "", ("Atlantic",)),  # the whole ocean, 70 N to 60 S, not its north
    ("Pacific Ocean", 0.0, -160.0, "", ("Pacific",)),
    ("Indian Ocean", -20.0, 80.0, "", ()),
    ("Arctic", 80.0, 0.0, "", ("Arctic Ocean",)),
    ("Korean Peninsula", 37.5, 127.5, "", ()),
    ("Gulf of Aden", 12.5, 47.5, "", ()),
    ("Gulf of Mexico", 25.0, -90.0, "", ()),
    ("Strait of Hormuz", 26.6, 56.3, "", ()),
    ("Nagorno-Karabakh", 39.8, 46.75, "AZ", ("Karabakh",)),
    ("Transnistria", 47.2, 29.4, "MD", ()),
    ("Abkhazia", 43.0, 41.0, "GE", ()),
    ("South Ossetia", 42.3, 44.0, "GE", ()),
    ("Crimea", 45.3, 34.4, "UA", ("Crimean Peninsula",)),
    ("Americas", 15.0, -80.0, "", ()),
    ("Java", -7.3, 110.0, "ID", ()),
    ("Sumatra", 0.0, 102.0, "ID", ()),
    ("Borneo", 0.5, 114.0, "", ()),
    ("Sulawesi", -2.0, 121.0, "ID", ("Celebes",)),
    ("New Guinea", -5.5, 141.0, "", ()),
    ("Luzon", 16.0, 121.0, "PH", ()),
    ("Mindanao", 7.5, 125.0, "PH", ()),
    ("Honshu", 36.0, 138.0, "JP", ()),
    # Area-weighted centres of OH IN IL MI WI MN IA MO ND SD NE KS; of ME NH VT MA RI CT;
    # of WA OR ID (countrystatecity's state points, areas from the US Census Bureau).
    ("Midwest", 42.71, -93.25, "US", ("Middle West",)),
    ("New England", 44.4, -70.57, "US", ()),
    ("Pacific Northwest", 44.84, -118.33, "US", ()),
)

# First-level divisions that a country has abolished but news still names: Kenya's eight
# provinces gave way to 47 counties in 2013, yet "Nyanza Province" and "the Rift Valley"
# fill a decade of archives. Same shape as above; points are rough centres of each province.
# The generic names ("Western", "Coast") are indexed only with "Province", so they do not
# compete with every other Western Province unless the text says which.
FORMER_REGIONS: tuple[tuple[str, float, float, str, tuple[str, ...]], ...] = (
    ("Nyanza Province", -0.6, 34.6, "KE", ("Nyanza",)),
    ("Rift Valley Province", 0.5, 36.0, "KE", ("Rift Valley",)),
    ("Western Province", 0.5, 34.6, "KE", ()),
    ("North Eastern Province", 2.0, 40.0, "KE", ()),
    ("Eastern Province", 0.8, 38.5, "KE", ()),
    ("Central Province", -0.6, 37.0, "KE", ()),
    ("Coast Province", -3.0, 39.5, "KE", ()),
)
