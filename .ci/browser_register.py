#!/usr/bin/env python3
"""Opens the public register page (jobcoach export public --format html) in a real browser,
headless Chromium through Selenium, and checks what a visitor sees: Dutch headings, the search
box finding 'Zoë' when 'zoe' is typed, and a message when nothing matches.

usage: browser_register.py REGISTER.html
"""
import pathlib
import sys

from selenium.webdriver.common.by import By

from chromium import check, failures, start

page = pathlib.Path(sys.argv[1]).resolve()
driver = start()


try:
    driver.get(page.as_uri())
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl", "lang nl")
    headings = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "thead th")]
    check(headings[:2] == ["Registernummer", "Naam"], f"Dutch headings, got {headings}")
    label = driver.find_element(By.CSS_SELECTOR, "label[for=search]").text
    check(label.startswith("Zoek op naam"), f"Dutch label, got {label!r}")
    rows = driver.find_elements(By.CSS_SELECTOR, "#register tbody tr")
    check(len(rows) > 1, "rows listed")
    search = driver.find_element(By.ID, "search")

    search.send_keys("zoe")
    shown = [row.text for row in rows if row.is_displayed()]
    check(len(shown) == 1 and "Zoë" in shown[0], f"'zoe' finds Zoë, shown {shown}")
    check(driver.find_element(By.ID, "count").text == "1", "count says 1")
    check(not driver.find_element(By.ID, "none").is_displayed(), "no 'nothing matches' then")

    search.clear()
    search.send_keys("xqzw")
    shown = [row for row in rows if row.is_displayed()]
    none = driver.find_element(By.ID, "none")
    check(not shown, "nothing shown for a query that matches nothing")
    check(none.is_displayed() and none.text.startswith("Geen jobcoach gevonden"), "says so")

    search.clear()
    search.send_keys("RJC-00101")
    shown = [row.text for row in rows if row.is_displayed()]
    check(len(shown) == 1 and "Anouk de Vries" in shown[0], f"finds by register number, {shown}")
finally:
    driver.quit()

for failure in failures:
    print(f"error: browser: {failure}")
print(f"browser: the public register page in Chromium, {len(failures)} problems")
sys.exit(1 if failures else 0)
