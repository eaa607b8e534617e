-- The API limits text in code points, as people count characters: a name of 100 emoji is 100
-- characters. H2 counts UTF-16 units, in which an emoji takes two, so the columns leave room for
-- twice the API's limits and both databases store every value the API accepts. PostgreSQL counts
-- code points already; the API's own checks keep the limits there.
ALTER TABLE connections ALTER COLUMN name SET DATA TYPE VARCHAR(200);
ALTER TABLE connections ALTER COLUMN description SET DATA TYPE VARCHAR(2000);
