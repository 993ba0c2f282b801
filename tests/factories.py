import datetime

import factory
from django.utils import timezone

from accounts.models import User
from blog.models import Category, Page, Post, Tag
from comments.models import Comment


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Faker("name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("a-long-test-password")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"tag {n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Post number {n}")
    author = factory.SubFactory(UserFactory)
    body = "A first paragraph.\n\n<!--more-->\n\nThe rest of the post."
    status = Post.Status.PUBLISHED
    published_at = factory.Sequence(lambda n: timezone.now() - datetime.timedelta(days=n + 1))

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Page {n}")
    author = factory.SubFactory(UserFactory)
    body = "Some words about this site."
    status = Page.Status.PUBLISHED


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    post = factory.SubFactory(PostFactory)
    author_name = factory.Faker("first_name")
    author_email = factory.Faker("email")
    body = factory.Faker("paragraph")
    status = Comment.Status.APPROVED
