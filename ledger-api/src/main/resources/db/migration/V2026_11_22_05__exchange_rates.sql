-- Exchange rates as registered (issue 4): kronor per unit of a currency on a day, as published.
CREATE TABLE exchange_rate (
    currency      VARCHAR(3)     NOT NULL,
    rate_date     DATE           NOT NULL,
    sek_per_unit  NUMERIC(18, 6) NOT NULL,
    source        TEXT           NOT NULL,
    registered_at TIMESTAMPTZ    NOT NULL,
    CONSTRAINT exchange_rate_pk PRIMARY KEY (currency, rate_date)
);
