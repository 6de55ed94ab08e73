#!/usr/bin/env python3
"""Uses the running web server (jobcoach serve) in a real browser, headless Chromium through
Selenium, as the public does: searches the register in Dutch ('zoe' finds 'Zoë', a query
matching nothing says so), opens an entry, switches to English, and checks a signed statement
pasted into the form (it holds; altered, it does not), all with the keyboard.

A coach logs in with their token and sees their PE figures.

usage: browser_web.py BASE_URL STATEMENT.json COACH_TOKEN
"""
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from chromium import check, failures, start

base, statement_file, coach_token = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
statement = open(statement_file, encoding="utf-8").read()
driver = start()


def navigating(act):
    """Does `act` (a click or Enter that loads a page) and waits until the new page is there,
    so nothing is read from the page before it."""
    old = driver.find_element(By.TAG_NAME, "html")
    act()
    WebDriverWait(driver, 10).until(expected_conditions.staleness_of(old))
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def search(text):
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(text)
    navigating(lambda: box.send_keys(Keys.ENTER))


try:
    driver.get(base + "/")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl", "lang nl")
    label = driver.find_element(By.CSS_SELECTOR, "label[for=q]").text
    check(label == "Zoek op naam of registernummer", f"Dutch label, got {label!r}")
    publishers = driver.find_element(By.ID, "publishers").text
    check("Register Beroepsvereniging Jobcoaches Nederland" in publishers, "the publisher named")

    search("zoe")
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#results tbody tr")]
    check(len(rows) == 1 and "Zoë Visser" in rows[0], f"'zoe' finds Zoë, got {rows}")
    check(driver.find_element(By.ID, "found").text == "1 jobcoach gevonden.", "count said")

    search("xqzw")
    check(not driver.find_elements(By.ID, "results"), "no table for a query matching nothing")
    none = driver.find_element(By.ID, "none").text
    check(none == "Geen jobcoach gevonden die hierop lijkt.", f"says so, got {none!r}")

    search("Anouk")
    link = driver.find_element(By.LINK_TEXT, "RJC-00101")
    navigating(lambda: link.send_keys(Keys.ENTER))
    check(driver.find_element(By.TAG_NAME, "h1").text == "Anouk de Vries", "the entry opens")
    facts = driver.find_element(By.CSS_SELECTOR, "dl.entry").text
    check("geregistreerd" in facts and "31 maart 2027" in facts, f"standing shown, got {facts!r}")
    navigating(lambda: driver.find_element(By.LINK_TEXT, "English").click())
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "lang en")
    check("31 March 2027" in driver.find_element(By.CSS_SELECTOR, "dl.entry").text, "in English")

    for text, holds in ((statement, True), (statement.replace('"eligible": true', '"eligible": false'), False)):
        driver.get(base + "/statements/verify")
        area = driver.find_element(By.ID, "statement")
        driver.execute_script("arguments[0].value = arguments[1];", area, text)
        navigating(lambda: driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click())
        verdict = driver.find_element(By.ID, "verdict").text
        expected = "De verklaring is geldig op" if holds else "De verklaring is niet geldig op"
        check(verdict.startswith(expected), f"statement {'holds' if holds else 'fails'}: {verdict!r}")
        if not holds:
            problems = driver.find_element(By.ID, "problems").text
            check("handtekening klopt niet" in problems, f"the reason, got {problems!r}")

    driver.get(base + "/")
    navigating(lambda: driver.find_element(By.LINK_TEXT, "Mijn PE-uren").click())
    box = driver.find_element(By.ID, "token")
    check(box.get_attribute("type") == "password", "the token is typed as a password")
    box.send_keys(coach_token)
    navigating(lambda: box.send_keys(Keys.ENTER))
    alerts = driver.find_elements(By.CSS_SELECTOR, "[role=alert]")
    check(not alerts, f"the token is taken, got {[a.text for a in alerts]}")
    verdict = driver.find_element(By.ID, "verdict").text
    check(verdict.startswith("PE-uren van Fatima El Amrani (JC-0006)"), f"the coach's own PE, got {verdict!r}")
    figures = driver.find_element(By.ID, "statement").text
    check("geaccrediteerd" in figures and "totaal" in figures, f"the figures shown, got {figures!r}")
    check(coach_token not in driver.page_source and coach_token not in driver.current_url, "token not shown")
finally:
    driver.quit()

if failures:
    print("browser (served pages): FAILED\n  " + "\n  ".join(failures))
    sys.exit(1)
print("browser (served pages): register search, entry, language, statement check and a coach's PE as expected")
