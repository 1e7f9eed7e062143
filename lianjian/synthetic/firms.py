"""Firms of the generated market: each a function of its index, behind caches of fixed size."""

import math
from dataclasses import dataclass
from functools import lru_cache

from . import identifiers as ids
from . import names
from .profile import (
    FIRM_CACHE, FIRMS_PER_BIDS, GROUPS, MAX_AGENCIES_SHARE, MAX_TENDERERS_SHARE, MIN_FIRMS, OUT_OF_TOWN_REGIONS,
    OUT_OF_TOWN_SHARE, SECTORS,
)

# ---------------------------------------------------------------------------------------------------------------
# Firms


@dataclass(frozen=True)
class Firm:
    serial: int
    role: str
    group: str
    code: str
    name: str
    legal: str
    region: str

    @property
    def device(self):
        """What every bid file of the firm carries: CPU, disk, MAC, IP, bond account and bank."""
        account, bank = ids.bank_account(self.serial)
        return (ids.cpu_id(self.serial), ids.disk_serial(self.serial), ids.mac_address(self.serial),
                ids.upload_ip(self.serial), account, bank)


class Registry:
    """Who exists in the market: tenderers, land authorities, agencies, then per trade the background firms and
    the firms reserved for planted patterns. Each firm is a pure function of its serial number."""

    def __init__(self, *, lots, region_codes, pattern_firms):
        self.tenderers = min(names.tenderer_name_space(), max(30, lots // MAX_TENDERERS_SHARE))
        self.land_authorities = len(names.DISTRICTS)
        self.agencies = min(names.company_name_space("agency"), max(8, lots // MAX_AGENCIES_SHARE))
        self.region_codes = tuple(region_codes)
        self.ranges = {}
        start = self.tenderers + self.land_authorities + self.agencies
        expected = _expected_bids(lots)
        for group in GROUPS:
            reserved = pattern_firms.get(group, 0)
            background = max(MIN_FIRMS, math.ceil(expected[group] / FIRMS_PER_BIDS))
            background = min(background, names.company_name_space(group) - reserved)
            self.ranges[group] = (start, background, reserved)
            start += background + reserved
        self.total = start
        self._firm = lru_cache(maxsize=FIRM_CACHE)(self._make)
        self._device = lru_cache(maxsize=FIRM_CACHE)(lambda serial: self._firm(serial).device)

    def firm(self, serial):
        return self._firm(serial)

    def device(self, serial):
        return self._device(serial)

    def background(self, group, index):
        start, _background, _reserved = self.ranges[group]
        return start + index

    def background_size(self, group):
        return self.ranges[group][1]

    def reserved(self, group, index):
        start, background, _reserved = self.ranges[group]
        return start + background + index

    def tenderer(self, index):
        return index

    def land_authority(self, district):
        return self.tenderers + district

    def agency(self, index):
        return self.tenderers + self.land_authorities + index

    def _registration(self, serial):
        if serial < self.tenderers + self.land_authorities:
            return self.region_codes[serial % len(self.region_codes)]
        mix = (serial * 2_246_822_519) % 1_000
        if mix < OUT_OF_TOWN_SHARE * 1_000:
            return OUT_OF_TOWN_REGIONS[mix % len(OUT_OF_TOWN_REGIONS)]
        return self.region_codes[mix % len(self.region_codes)]

    def _make(self, serial):
        legal = names.person_name(ids.person_key(serial, 99))
        region = self._registration(serial)
        if serial < self.tenderers:
            name = names.tenderer_name(serial)
            authority = (ids.AUTHORITY_ENTERPRISE if name.endswith("公司") else
                         ids.AUTHORITY_INSTITUTION if name[-2:] in ("中学", "小学", "医院", "分院", "园", "站")
                         else ids.AUTHORITY_GOVERNMENT)
            return Firm(serial, "tenderer", "", ids.credit_code(authority, region, serial), name, legal, region)
        if serial < self.tenderers + self.land_authorities:
            name = names.land_authority_name(serial - self.tenderers)
            return Firm(serial, "tenderer", "", ids.credit_code(ids.AUTHORITY_GOVERNMENT, region, serial), name,
                        legal, region)
        if serial < self.tenderers + self.land_authorities + self.agencies:
            name = names.company_name("agency", serial - self.tenderers - self.land_authorities)
            return Firm(serial, "agency", "agency", ids.credit_code(ids.AUTHORITY_ENTERPRISE, region, serial), name,
                        legal, region)
        for group in GROUPS:
            start, background, reserved = self.ranges[group]
            if serial < start + background + reserved:
                name = names.company_name(group, serial - start)
                return Firm(serial, "bidder", group, ids.credit_code(ids.AUTHORITY_ENTERPRISE, region, serial), name,
                            legal, region)
        raise ValueError(f"no firm #{serial}")


def _expected_bids(lots):
    expected = dict.fromkeys(GROUPS, 0.0)
    for sector in SECTORS:
        for _category, group, weight in sector.categories:
            expected[group] += lots * sector.share * weight * sector.mean_bidders
    return expected
