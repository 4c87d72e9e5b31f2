# select: DB405
"""Foreign keys added by a migration need an index on their column."""
import sqlalchemy as sa
from alembic import op

revision = "b52637485960"
down_revision = "a41526374859"


def upgrade() -> None:
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),  # DB405
        sa.Column("editor_id", sa.Integer(), sa.ForeignKey("users.id"), index=True),
        sa.Column("blog_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("lang", sa.String(5), nullable=True),
        sa.ForeignKeyConstraint(["blog_id"], ["blogs.id"]),
        sa.ForeignKeyConstraint(["topic_id"], ["topics.id"], ondelete="CASCADE"),  # DB405
        sa.ForeignKeyConstraint(["series_id", "lang"], ["series.id", "series.lang"]),
        sa.Index("ix_posts_series_lang", "series_id", "lang"),
    )
    op.create_index(op.f("ix_posts_blog_id"), "posts", ["blog_id"])
    # one-to-one extension table: the foreign key is the primary key
    op.create_table(
        "user_settings",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("theme", sa.String(20), nullable=True),
    )
    # association table: the composite primary key covers only its first column
    op.create_table(
        "post_tags",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"]),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"]),  # DB405
        sa.PrimaryKeyConstraint("post_id", "tag_id"),
    )
    op.create_table(
        "followers",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("follower_id", sa.Integer(), sa.ForeignKey("users.id"),  # DB405
                  primary_key=True),
    )
    op.add_column("comments", sa.Column("post_id", sa.Integer(), sa.ForeignKey("posts.id")))  # DB405
    op.add_column("comments", sa.Column("parent_id", sa.Integer(),
                                        sa.ForeignKey("comments.id"), index=True))
    op.add_column("orders", sa.Column("coupon_id", sa.Integer(), nullable=True))
    op.create_foreign_key("fk_orders_coupon", "orders", "coupons", ["coupon_id"], ["id"])  # DB405
    op.add_column("orders", sa.Column("store_id", sa.Integer(), nullable=True))
    op.create_foreign_key("fk_orders_store", "orders", "stores", ["store_id"], ["id"])
    op.create_unique_constraint("uq_orders_store", "orders", ["store_id", "id"])
    with op.batch_alter_table("invoices") as batch_op:
        batch_op.add_column(sa.Column("order_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_invoices_order", "orders", ["order_id"], ["id"])
        batch_op.create_index("ix_invoices_order_id", ["order_id"])
        batch_op.create_foreign_key("fk_invoices_payer", "users", ["payer_id"], ["id"])  # DB405
    # an index whose trailing columns are expressions still leads with its first column
    op.create_table(
        "run_states",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("job_id", sa.Integer(), sa.ForeignKey("jobs.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Index("ix_run_states_job_at", "job_id", sa.text("at DESC")),
    )
    op.create_index("ix_run_states_run_at", "run_states", ["run_id", sa.text("at DESC")])
    # ... but an expression in first position covers no column
    op.add_column("run_states", sa.Column("owner_id", sa.Integer(),
                                          sa.ForeignKey("users.id")))  # DB405
    op.create_index("ix_run_states_owner", "run_states", [sa.text("lower(owner_id)")])


def downgrade() -> None:
    # foreign keys restored by a downgrade are not judged
    op.drop_table("run_states")
    with op.batch_alter_table("invoices") as batch_op:
        batch_op.drop_constraint("fk_invoices_payer", type_="foreignkey")
        batch_op.drop_index("ix_invoices_order_id")
        batch_op.drop_constraint("fk_invoices_order", type_="foreignkey")
        batch_op.drop_column("order_id")
    op.drop_constraint("uq_orders_store", "orders", type_="unique")
    op.drop_constraint("fk_orders_store", "orders", type_="foreignkey")
    op.drop_column("orders", "store_id")
    op.drop_constraint("fk_orders_coupon", "orders", type_="foreignkey")
    op.drop_column("orders", "coupon_id")
    op.drop_column("comments", "parent_id")
    op.drop_column("comments", "post_id")
    op.drop_table("followers")
    op.drop_table("post_tags")
    op.drop_table("user_settings")
    op.drop_index(op.f("ix_posts_blog_id"), table_name="posts")
    op.drop_table("posts")
    op.create_foreign_key("fk_legacy_owner", "legacy", "users", ["owner_id"], ["id"])
